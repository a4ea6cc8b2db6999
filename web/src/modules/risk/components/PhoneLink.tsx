/** A phone number a worker can tap on the public page (printed, it is plain text); "119/120" gives two links. */
export function PhoneLink({ value }: { value: string }) {
  if (!value) return <>—</>;
  const parts = value.split(/([/、,，\s]+)/);
  return <>{parts.map((p, i) => (/^[\d-]{3,}$/.test(p) ? <a key={i} href={`tel:${p}`} style={{ color: 'inherit', textDecoration: 'none' }}>{p}</a> : p))}</>;
}
