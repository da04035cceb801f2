/**
 * Getting things in and out of the Build workspace, as pieces its panel mounts: the add-source dialog,
 * the saved drafts, export and import, the spreadsheet import, and saving as you go.
 */
export { AddSourceDialog, type AddSourceDialogProps } from './AddSourceDialog';
export { CsvImportDialog, type CsvImportDialogProps } from './CsvImportDialog';
export { DraftFiles, type DraftFilesProps } from './DraftFiles';
export { DraftList, type DraftListProps } from './DraftList';
export { SaveStatus } from './SaveStatus';
export { useAutosave, type SaveState } from './use-autosave';
export type { SourceSubmission } from './source-form';
