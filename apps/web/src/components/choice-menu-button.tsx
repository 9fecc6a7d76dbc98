import { Button } from '@fluentui/react-components';
import type { ReactElement } from 'react';

export interface ChoiceMenuButtonProps {
  label: string;
  icon: ReactElement;
  /** What is chosen now, said in the button's tooltip. */
  chosenLabel: string;
  className?: string;
  onClick?: () => void;
  disabledFocusable?: boolean;
}

/** A top bar menu's button: an icon alone, so the bar stays on one line at phone widths. */
export function ChoiceMenuButton({ label, chosenLabel, ...props }: ChoiceMenuButtonProps) {
  return <Button {...props} aria-label={label} title={`${label}: ${chosenLabel}`} />;
}
