/** A size as people read it in a message: "512 KB", "1.5 MB", "64 MB". */
export function byteSize(bytes: number): string {
  const MB = 1024 * 1024;
  if (bytes < MB) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0).replace(/\.0$/, '')} MB`;
}
