import { makeStyles, tokens } from '@fluentui/react-components';
import { Outlet } from 'react-router';
import { NavMenu } from './nav-menu.tsx';
import { TopBar } from './top-bar.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100vh' },
  // The drawer keeps its width however wide a page's content is, and its background runs the page's full height.
  body: { display: 'flex', flexGrow: 1, minHeight: 0, alignItems: 'stretch' },
  nav: { flexShrink: 0, display: 'flex', backgroundColor: tokens.colorNeutralBackground2 },
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
        <div className={styles.nav}>
          <NavMenu />
        </div>
        <main className={styles.main}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
