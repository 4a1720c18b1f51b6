/**
 * Who is making a change, as an input says it: the signed-in person's session token, or (a county
 * without a team yet) the typed name. Validated at the API and again where a station's batch file
 * carries a change (team/station-batch.ts), so both live here below the API.
 */
import { z } from 'zod';

export const operatorName = z.string().trim().min(1, 'Enter the name of the person at the keyboard.').max(80);
export const sessionToken = z.string().min(16, 'Sign in first.').max(200);
export const actorFields = { session: sessionToken.optional(), operator: operatorName.optional() };
