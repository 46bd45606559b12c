// The typed client of the LogonLens REST API (docs/api.md) and the react-query pieces built on it.
export { ApiError, errorMessage, isAbort } from './errors';
export { apiFetch, apiJson, API_BASE } from './client';
export { getToken, setToken, clearToken, setTokenPrompt, requestToken, TOKEN_STORAGE_KEY } from './token';
export type { TokenPrompt, TokenPromptReason } from './token';
export type { DatasetSummary, Job, JobState, EventsPage } from './schemas';
export { warningText, jobResultSummary } from './schemas';
export { listDatasets, getDataset, createDataset, renameDataset, deleteDataset, getJob } from './datasets';
export type { UploadAnswer } from './datasets';
export { uploadFiles } from './upload';
export type { UploadOptions, UploadProgress } from './upload';
export { followJob, isFinished } from './jobs';
export { getGraph, graphSearch } from './graph';
export type { GraphParams } from './graph';
export { getEvents, eventsSearch, DEFAULT_EVENTS_LIMIT } from './events';
export type { DrillTarget, EventsParams } from './events';
export { apiKeys } from './query-keys';
export { useServerGraph, useDatasetList, useDatasetSummary } from './hooks';
export { TokenDialog } from './token-dialog';
