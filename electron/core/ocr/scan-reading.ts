/** What reading a scan produces lives on the ground floor (model/), where the store sees it too. */
export * from '../model/scan-reading';
