/** The statuses live on the ground floor (model/) where the store and the renderer see them too. */
export { BUNDLE_STATUSES, type BundleStatus, isBundleStatus } from '../model/bundle-status';
