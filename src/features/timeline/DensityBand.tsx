/** A large dataset's dates at a glance: one shaded column per year, darker where more items start. */
import { memo } from 'react';

export const DensityBand = memo(function DensityBand({
  perYear,
  domain,
  width,
  top,
  height,
  total,
}: {
  perYear: ReadonlyMap<number, number>;
  domain: { start: number; end: number };
  width: number;
  top: number;
  height: number;
  total: number;
}) {
  const xOf = (year: number) => ((year - domain.start) / (domain.end - domain.start)) * width;
  let most = 0;
  for (const n of perYear.values()) most = Math.max(most, n);
  return (
    <div className="tl-density" aria-hidden="true" data-total={total}>
      {[...perYear].map(([year, n]) => (
        <span
          key={year}
          className="tl-density-year"
          title={`${year}: ${n.toLocaleString('en')} dated items`}
          style={{
            left: xOf(year),
            width: Math.max(1, xOf(year + 1) - xOf(year)),
            top,
            height,
            // Square root, so a year with a few items still shows beside one with thousands.
            opacity: 0.08 + 0.5 * Math.sqrt(n / Math.max(most, 1)),
          }}
        />
      ))}
    </div>
  );
});
