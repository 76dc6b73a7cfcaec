import { redirect } from 'next/navigation';
import { getAccessScope } from '@/app/_server/session';
import { homeRegionOf } from '@/app/_server/analysis/access';
import { KEMPEN_REGION_CODE } from '@/lib/areas/codes';

/** /analyse: the person's own region (an analyst's), else Kempen; access is checked there. */
export default async function AnalysisHome() {
  let scope = null;
  try {
    scope = await getAccessScope();
  } catch {
    // The region page reports a session problem itself.
  }
  redirect(`/analyse/${homeRegionOf(scope, KEMPEN_REGION_CODE)}`);
}
