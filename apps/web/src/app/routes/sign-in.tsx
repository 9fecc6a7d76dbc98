import { Card, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoadingSpinner } from '../../components/loading-spinner.tsx';
import { safeRedirect } from '../../config/paths.ts';
import { useSession } from '../../features/auth/api/get-session.ts';
import { SignInForm } from '../../features/auth/components/sign-in-form.tsx';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    display: 'grid',
    placeItems: 'center',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  card: { width: '380px', maxWidth: 'calc(100vw - 32px)', padding: tokens.spacingHorizontalXXL },
});

export function SignInRoute() {
  const styles = useStyles();
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const session = useSession();
  const redirectTo = safeRedirect(searchParams.get('redirectTo'));

  if (session.isPending) return <LoadingSpinner />;
  if (session.data) return <Navigate to={redirectTo} replace />;

  return (
    <main className={styles.page}>
      <title>{t('documentTitle')}</title>
      <Card className={styles.card}>
        <Title2 as="h1">{t('heading')}</Title2>
        <SignInForm onSignedIn={() => void navigate(redirectTo, { replace: true })} />
      </Card>
    </main>
  );
}
