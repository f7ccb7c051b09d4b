/** The overview files of an environment: `overview/paging.md` and `overview/index.html`. */
import { MonitoringEnvironment } from '../../model/environment';
import { FILES } from '../../model/layout';
import { buildPagingReport } from '../../model/paging';
import { EMPTY_TOPOLOGY, EnvironmentTopology } from '../../model/topology';
import { renderOverviewPage } from './overview-page';
import { renderPagingTable } from './paging-table';

/**
 * Renders the paging table and the overview page. `otherFiles` are the logical paths of the environment's other
 * rendered files, which the page links to.
 */
export function renderOverviewFiles(
  env: MonitoringEnvironment,
  topology: EnvironmentTopology = EMPTY_TOPOLOGY,
  otherFiles: Iterable<string> = [],
): Record<string, string> {
  const paging = buildPagingReport(env, { targetKinds: topology.targetKinds });
  const files = new Set([...otherFiles, FILES.overviewPaging, FILES.overviewPage]);
  return {
    [FILES.overviewPaging]: renderPagingTable(paging, env.prometheusModel().alertmanagers),
    [FILES.overviewPage]: renderOverviewPage({ env, topology, paging, files }),
  };
}
