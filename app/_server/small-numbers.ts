import 'server-only';
import { parseEnv } from '@/lib/config/env';

/**
 * The small-numbers threshold (BUURTRADAR_MIN_COUNT, validated at start; 5 by default): counts
 * from 1 to this − 1 are hidden in the analyses, their exports, and the map's cells and
 * figures of layers about people.
 */
export function smallNumberThreshold(): number {
  const parsed = parseEnv(process.env);
  return parsed.ok ? parsed.env.BUURTRADAR_MIN_COUNT : 5;
}
