// The admin page's entry: /#admin=<token>, the link printed in the server's startup banner.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { takeFragmentSecret } from '../ui/credentials';
import './admin.css';
import { AdminApp, ADMIN_TOKEN_KEY } from './AdminApp';
import { loadPresets } from './admin-api';
import { adminStore } from './store';

adminStore.setState({ token: takeFragmentSecret('admin', ADMIN_TOKEN_KEY) });
adminStore.subscribe((s) => {
  document.documentElement.lang = s.language;
});
document.documentElement.lang = adminStore.getState().language;
void loadPresets();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <AdminApp />
  </StrictMode>,
);
