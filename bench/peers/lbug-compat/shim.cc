// Symbols the prebuilt lbug binary takes from glibc 2.38 and GCC 13's libstdc++, for Debian 12's older ones.
// Preloaded into the lbug peer only; see bench/peers/lbug-compat.ts for why and how.
#include <cstdlib>
#include <cstring>
#include <iostream>
extern "C" {
// C23 variants differ only in also reading "0b" binary literals, which lbug does not rely on.
long __isoc23_strtol(const char *s, char **e, int b) { return std::strtol(s, e, b); }
long long __isoc23_strtoll(const char *s, char **e, int b) { return std::strtoll(s, e, b); }
unsigned long __isoc23_strtoul(const char *s, char **e, int b) { return std::strtoul(s, e, b); }
unsigned long long __isoc23_strtoull(const char *s, char **e, int b) { return std::strtoull(s, e, b); }
// std::string::_M_replace_cold, an out-of-line helper added in GCC 13; same moves as its libstdc++ source.
void replace_cold(void *, char *p, std::size_t len1, const char *s, std::size_t len2, std::size_t how_much)
    __asm__("_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE15_M_replace_coldEPcmPKcmm");
void replace_cold(void *, char *p, std::size_t len1, const char *s, std::size_t len2, std::size_t how_much) {
  if (len2 && len2 <= len1) std::memmove(p, s, len2);
  if (how_much && len1 != len2) std::memmove(p + len2, p + len1, how_much);
  if (len2 > len1) {
    if (s + len2 <= p + len1) std::memmove(p, s, len2);
    else if (s >= p + len1) std::memcpy(p, p + (s - p) + (len2 - len1), len2);
    else {
      std::size_t nleft = (p + len1) - s;
      std::memmove(p, s, nleft);
      std::memcpy(p + nleft, p + len2, len2 - nleft);
    }
  }
}
}
// GCC 13 programs call this so the library sets up std::cout; including <iostream> above does that here.
namespace std { void ios_base_library_init() {} }
