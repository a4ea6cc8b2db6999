import { Typography } from 'antd';
import type { DiffLine } from '../api/documents.api';

const STYLE: Record<DiffLine['op'], { background?: string; prefix: string }> = {
  same: { prefix: '  ' },
  add: { background: '#f6ffed', prefix: '+ ' },
  del: { background: '#fff1f0', prefix: '− ' },
};

/** The line diff between two versions' texts: added lines green, deleted lines red and struck through. */
export function DiffView({ lines }: { lines: DiffLine[] }) {
  return (
    <div data-testid="documents-diff" style={{ fontFamily: 'monospace', whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontSize: 13 }}>
      {lines.map((l, i) => (
        <div key={i} style={{ background: STYLE[l.op].background, padding: '0 4px' }}>
          <Typography.Text delete={l.op === 'del'} type={l.op === 'same' ? 'secondary' : undefined}>{STYLE[l.op].prefix}{l.text}</Typography.Text>
        </div>
      ))}
    </div>
  );
}
