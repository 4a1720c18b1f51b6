/** Sign-in and the county team (the transports only carry the session token; docs/ARCHITECTURE.md, "Who is acting"). */
import { z } from 'zod';
import { addTeamMember, countyTeam, signUpFirstChair } from '../../operators/county-team';
import { OPERATOR_ROLES } from '../../operators/roles';
import { currentOperator, signIn, signOut } from '../../operators/sessions';
import { ok } from '../../result';
import { needs, open } from '../access';
import { defineMethod } from '../define-method';
import { noInput, operatorName, pinSchema, sessionToken } from '../schema-parts';

export const teamMemberMethods = {
  getTeam: defineMethod({
    input: noInput,
    access: open,
    station: 'cache',
    handle: (_input, { store }) => ok(countyTeam(store)),
  }),

  /** A county without a team yet: its first person becomes the chair. */
  signUpChair: defineMethod({
    input: z.object({ name: operatorName, pin: pinSchema }),
    access: open,
    station: 'hub-only',
    handle: (input, { store, clock }) => signUpFirstChair(store, input, clock()),
  }),

  signIn: defineMethod({
    input: z.object({ name: operatorName, pin: z.string().min(1, 'Type your PIN.').max(40) }),
    access: open,
    station: 'forward',
    handle: (input, { store, clock }) => signIn(store, input, clock()),
  }),

  signOut: defineMethod({
    input: z.object({ session: sessionToken }),
    access: open,
    station: 'forward',
    handle: (input, { store, clock }) => signOut(store, input.session, clock()),
  }),

  /** Who a session token stands for: its own answer is the sign-in check, so the method is open. */
  getSession: defineMethod({
    input: z.object({ session: sessionToken }),
    access: open,
    station: 'cache',
    handle: (input, { store, clock }) => currentOperator(store, input.session, clock()),
  }),

  addOperator: defineMethod({
    input: z.object({ session: sessionToken, name: operatorName, role: z.enum(OPERATOR_ROLES), pin: pinSchema }),
    access: needs('manage-operators'),
    station: 'forward-change',
    handle: (input, { store, actor, clock }) =>
      addTeamMember(store, actor, { name: input.name, role: input.role, pin: input.pin }, clock().toISOString()),
  }),
};
