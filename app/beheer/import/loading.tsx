import { AdminLoading } from '../admin-loading';

export default function ImportLoading() {
  return <AdminLoading />;
}
