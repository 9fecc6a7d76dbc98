import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../../lib/api-client.ts';
import { useSignIn } from '../api/sign-in.ts';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation('auth');
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email: email.trim(), password }, { onSuccess: onSignedIn });
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      {signIn.isError && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t('failed')}</MessageBarTitle>
            {errorMessage(signIn.error)}
          </MessageBarBody>
        </MessageBar>
      )}
      <Field label={t('email')} required>
        <Input type="email" autoComplete="username" value={email} onChange={(_, d) => setEmail(d.value)} />
      </Field>
      <Field label={t('password')} required>
        <Input
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(_, d) => setPassword(d.value)}
        />
      </Field>
      <Button type="submit" appearance="primary" disabled={signIn.isPending || !email.trim() || !password}>
        {signIn.isPending ? t('signingIn') : t('signIn')}
      </Button>
    </form>
  );
}
