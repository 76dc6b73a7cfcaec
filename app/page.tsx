import { redirect } from 'next/navigation';
import { KEMPEN_REGION_CODE } from '@/lib/areas/codes';
import { MAP_BASE_PATH } from '@/lib/map/map-url';

/** The product opens on the map of region Kempen, where the pilot projects started. */
export default function Home(): never {
  redirect(`${MAP_BASE_PATH}/${KEMPEN_REGION_CODE}`);
}
