import { NotFoundView } from '@/app/_components/not-found-view';

/** An unknown or malformed region/municipality code under /kaart. */
export default function MapAreaNotFound() {
  return <NotFoundView variant="area" />;
}
