/** The county's hash-chained audit log: read a page, verify the chain. */
import { z } from 'zod';
import { verifyAuditChain } from '../../audit-log/chain';
import { ok } from '../../result';
import { open } from '../access';
import { defineMethod } from '../define-method';
import { noInput } from '../schema-parts';

export const auditLogMethods = {
  getAuditLog: defineMethod({
    input: z.object({
      limit: z.number().int().min(1).max(1000).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    access: open,
    station: 'forward',
    handle: (input, { store }) =>
      ok({ entries: store.listAudit(input.limit, input.offset), total: store.countAudit() }),
  }),

  verifyAuditLog: defineMethod({
    input: noInput,
    access: open,
    station: 'forward',
    handle: (_input, { store }) => ok(verifyAuditChain(store.iterateAudit())),
  }),
};
