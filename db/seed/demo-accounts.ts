import type { Kysely } from 'kysely';
import type { OrganisationType, Role } from '@/lib/auth/roles';
import { createAccount, createOrganisation } from '../queries/accounts';
import type { Database } from '../schema';

/**
 * One account per role on the demo dataset, with fixed passwords that the README lists.
 * Created ONLY together with the demo data (db/seed/demo.ts calls this inside its
 * transaction) and removed with it: known passwords never exist on a database without demo
 * data. Addresses use the reserved .test domain, so none can belong to a real person.
 *
 * Balen and Ravels are both pilot municipalities in region Kempen (sw11): the coordinator
 * and an advisor of Balen, and an advisor of Ravels, each see their own municipality and not
 * the other's.
 */
export interface DemoAccount {
  role: Role;
  email: string;
  password: string;
  name: string;
  organisation: { name: string; type: OrganisationType } | null;
  municipalities: string[];
  regionCode: string | null;
  /** Shown in the README's table. */
  sees: string;
}

const BALEN = '13003';
const RAVELS = '13035';
const KEMPEN = 'sw11';

export const DEMO_REPORTER_ORGANISATION = { name: 'Huisartsenpraktijk De Linde (demo)', type: 'gp_practice' } as const;

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    role: 'reporter',
    email: 'melder@buurtradar.test',
    password: 'demo-melder-balen',
    name: 'Dr. An Peeters (demo)',
    organisation: DEMO_REPORTER_ORGANISATION,
    municipalities: [BALEN],
    regionCode: null,
    sees: 'reports signals in Balen; sees only the signals she reported (the demo GP signals of Balen)',
  },
  {
    role: 'coordinator',
    email: 'coordinator.balen@buurtradar.test',
    password: 'demo-coordinator-balen',
    name: 'Tom Wouters (demo)',
    organisation: { name: 'Gemeente Balen (demo)', type: 'municipality' },
    municipalities: [BALEN],
    regionCode: null,
    sees: 'all signals of Balen with descriptions; changes their status',
  },
  {
    role: 'advisor',
    email: 'adviseur.balen@buurtradar.test',
    password: 'demo-adviseur-balen',
    name: 'Lien Mertens (demo)',
    organisation: { name: 'Gemeente Balen (demo)', type: 'municipality' },
    municipalities: [BALEN],
    regionCode: null,
    sees: 'the signals of Balen, without descriptions (read only); nothing of Ravels',
  },
  {
    role: 'advisor',
    email: 'adviseur.ravels@buurtradar.test',
    password: 'demo-adviseur-ravels',
    name: 'Sara Janssens (demo)',
    organisation: { name: 'Gemeente Ravels (demo)', type: 'municipality' },
    municipalities: [RAVELS],
    regionCode: null,
    sees: 'the signals of Ravels, without descriptions (read only); nothing of Balen',
  },
  {
    role: 'regional_analyst',
    email: 'analist.kempen@buurtradar.test',
    password: 'demo-analist-kempen',
    name: 'Jef Claes (demo)',
    organisation: { name: 'Streekwerking Kempen (demo)', type: 'regional_platform' },
    municipalities: [],
    regionCode: KEMPEN,
    sees: 'aggregates of region Kempen only; no signal points',
  },
  {
    role: 'admin',
    email: 'beheerder@buurtradar.test',
    password: 'demo-beheerder-buurtradar',
    name: 'Beheerder (demo)',
    organisation: null,
    municipalities: [],
    regionCode: null,
    sees: 'accounts, imports and the audit log; aggregates everywhere; no signal points',
  },
];

/**
 * (Re)creates the demo accounts and organisations, and makes the demo reporter the reporter
 * of the demo GP signals in Balen, so that "own signals" shows something. Idempotent by
 * replacement; call it inside the demo seed's transaction, after the signals are inserted.
 */
export async function seedDemoAccounts(db: Kysely<Database>): Promise<number> {
  await removeDemoAccounts(db);
  const organisations = new Map<string, number>();
  let reporterId: number | null = null;
  for (const account of DEMO_ACCOUNTS) {
    let organisationId: number | null = null;
    if (account.organisation) {
      organisationId =
        organisations.get(account.organisation.name) ??
        (await createOrganisation(db, {
          name: account.organisation.name,
          partnerType: account.organisation.type,
          isDemo: true,
        }));
      organisations.set(account.organisation.name, organisationId);
    }
    const userId = await createAccount(db, {
      name: account.name,
      email: account.email,
      password: account.password,
      role: account.role,
      organisationId,
      municipalities: account.municipalities,
      regionCode: account.regionCode,
      isDemo: true,
    });
    if (account.role === 'reporter') reporterId = userId;
  }
  if (reporterId !== null) {
    await db
      .updateTable('signals')
      .set({
        reporter_user_id: reporterId,
        reporter_organisation_id: organisations.get(DEMO_REPORTER_ORGANISATION.name)!,
      })
      .where('is_demo', '=', true)
      .where('municipality_nis', '=', BALEN)
      .where('reporter_partner_type', '=', DEMO_REPORTER_ORGANISATION.type)
      .execute();
  }
  return DEMO_ACCOUNTS.length;
}

/**
 * Deletes the demo accounts (their sessions, credentials and memberships go with them) and
 * the demo organisations. Demo signals keep pointing at nobody; real accounts are untouched.
 */
export async function removeDemoAccounts(db: Kysely<Database>): Promise<void> {
  const demoUsers = db.selectFrom('users').select('id').where('is_demo', '=', true);
  const demoOrganisations = db.selectFrom('organisations').select('id').where('is_demo', '=', true);
  await db.updateTable('signals').set({ reporter_user_id: null }).where('reporter_user_id', 'in', demoUsers).execute();
  await db
    .updateTable('signals')
    .set({ reporter_organisation_id: null })
    .where('reporter_organisation_id', 'in', demoOrganisations)
    .execute();
  await db.deleteFrom('users').where('is_demo', '=', true).execute();
  await db.deleteFrom('organisations').where('is_demo', '=', true).execute();
}
