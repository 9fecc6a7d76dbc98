import { makeStyles, tokens } from '@fluentui/react-components';
import { Outlet } from 'react-router';
import { NavMenu } from './nav-menu.tsx';
import { TopBar } from './top-bar.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100vh' },
  body: { display: 'flex', flexGrow: 1, minHeight: 0 },
  main: {
    flexGrow: 1,
    minWidth: 0,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

export function AppShell() {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <TopBar />
      <div className={styles.body}>
        <NavMenu />
        <main className={styles.main}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
