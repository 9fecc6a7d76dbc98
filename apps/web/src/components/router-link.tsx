import { Link } from '@fluentui/react-components';
import type { MouseEvent, ReactNode } from 'react';
import { useHref, useLinkClickHandler } from 'react-router';

/**
 * A Fluent link that navigates inside the SPA, keeping a real href for new tabs and screen readers. Without children
 * it is a <Trans> component: the translated sentence supplies the link's text.
 */
export function RouterLink({ to, title, tabIndex, children }: { to: string; title?: string; tabIndex?: number; children?: ReactNode }) {
  const href = useHref(to);
  const handleClick = useLinkClickHandler<HTMLAnchorElement>(to);
  return (
    <Link
      href={href}
      title={title}
      tabIndex={tabIndex}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => {
        // Inside a selectable grid row, following the link should not also toggle the selection.
        event.stopPropagation();
        handleClick(event);
      }}
    >
      {children}
    </Link>
  );
}
