import { type ReactNode, useEffect, useRef } from 'react';

interface HeadingProps {
  readonly children: ReactNode;
  /** The document title; defaults to the heading's text when it is a string. */
  readonly title?: string;
  readonly level?: 1 | 2;
}

/**
 * The heading of a page or of a new step. It takes focus when it appears, so that after a
 * navigation or a step change a screen reader starts reading there and Tab continues from it.
 */
export function PageHeading({ children, title, level = 1 }: HeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  const documentTitle = title ?? (typeof children === 'string' ? children : null);

  useEffect(() => {
    ref.current?.focus();
  }, []);
  useEffect(() => {
    if (level === 1 && documentTitle !== null) document.title = `${documentTitle} · Auraflow`;
  }, [documentTitle, level]);

  const Tag = level === 1 ? 'h1' : 'h2';
  return (
    <Tag ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </Tag>
  );
}
