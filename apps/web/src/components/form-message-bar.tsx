import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/** A form's outcome after Save: a title, and the field problems or other details as a list. */
export interface FormMessage {
  intent: 'success' | 'error' | 'warning' | 'info';
  title: string;
  details?: string[];
  /** One thing to do about it, e.g. Reload after someone else saved the record first. */
  action?: { label: string; run: () => void };
}

export function FormMessageBar({ message, children }: { message: FormMessage; children?: ReactNode }) {
  const styles = useStyles();
  return (
    <MessageBar intent={message.intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{message.title}</MessageBarTitle>
        {message.details && message.details.length > 0 && (
          <ul className={styles.list}>{message.details.map((detail) => <li key={detail}>{detail}</li>)}</ul>
        )}
        {children}
      </MessageBarBody>
      {message.action && (
        <MessageBarActions>
          <Button onClick={message.action.run}>{message.action.label}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
