/** The audit's shapes live on the ground floor (model/); kept here so api/ users keep their import. */
export * from '../model/risk-limiting-audit';
