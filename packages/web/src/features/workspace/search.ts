/** The case being worked and, when it came from the queue, its call task: kept in the address for a reload. */
export type WorkspaceSearch = { readonly caseId?: string; readonly taskId?: string };

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= 100 ? value : undefined;
}

export function validateWorkspaceSearch(search: Record<string, unknown>): WorkspaceSearch {
  const caseId = text(search.caseId);
  const taskId = caseId ? text(search.taskId) : undefined;
  return { ...(caseId ? { caseId } : {}), ...(taskId ? { taskId } : {}) };
}
