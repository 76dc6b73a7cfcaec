import { AdminLoading } from '../admin-loading';

export default function AuditLoading() {
  return <AdminLoading />;
}
