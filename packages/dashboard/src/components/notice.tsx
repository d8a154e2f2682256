import type { ReactNode } from 'react';

interface NoticeProps {
  readonly children: ReactNode;
  readonly tone?: 'info' | 'success' | 'warning';
}

/** A calm, polite message (role="status": announced without interrupting). */
export function Notice({ children, tone = 'info' }: NoticeProps) {
  return (
    <div className={`notice notice--${tone}`} role="status">
      {children}
    </div>
  );
}
