import { AdminLoading } from '../admin-loading';

export default function AccountsLoading() {
  return <AdminLoading />;
}
