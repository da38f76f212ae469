import { existsSync } from 'node:fs';
import * as core from '@actions/core';
import {
  baselineAtPreview,
  gateFailureLines,
  gateNoticeLines,
  PipelineConfigError,
  readAcceptedFile,
  buildSite,
  HistoryStoreError,
  listNameOf,
  mergeShards,
  openGitHubHistory,
  readOverridesFile,
  readPreviousResults,
  readProfile,
  readRubricFile,
  readUrlListFile,
  runScan,
  urlListFromArguments,
} from '@egov-monitor/pipeline';
import type { HistoryStore, RunProgressEvent } from '@egov-monitor/pipeline';
import type { CountryProfile, Rubric, ScanResults } from '@egov-monitor/rubric';
import { renderSummaryIssue } from '@egov-monitor/reporter';
import type { Logger } from '@egov-monitor/reporter';
import type { ActionInputs } from './inputs.js';
import { readInputs } from './inputs.js';
import type { PublishOutcome } from './publish.js';
import { issueLinks, publishStep, runContext } from './publish.js';
import { commentOnPullRequest, pullRequestNumber } from './pull-request.js';

/** What the Action needs from its runtime; tests pass their own. */
export interface ActionRuntime {
  getInput: (name: string) => string;
  env: NodeJS.ProcessEnv;
}

const actionsLog: Logger = {
  debug: (message) => core.debug(message),
  info: (message) => core.info(message),
  warn: (message) => core.warning(message),
  error: (message) => core.error(message),
};

const defaultRuntime: ActionRuntime = { getInput: (name) => core.getInput(name), env: process.env };

function logProgress(event: RunProgressEvent): void {
  // One line per finished site: Actions logs are read after the fact, a progress bar would only add noise.
  if (event.type === 'run-start') {
    core.info(
      `egov-monitor: ${event.total} site(s), ${event.toScan} to scan, ${event.concurrency} at a time`,
    );
  } else if (event.type === 'site-done') {
    const verdict = event.status === 'ok' ? `level ${event.level}` : `error ${event.errorCode ?? ''}`.trim();
    core.info(
      `[${event.done}/${event.total}] ${event.url} — ${verdict} (${event.pages} pages, ${Math.round(event.elapsedMs / 1000)} s)`,
    );
  } else if (event.type === 'site-retry') {
    core.info(
      event.stage === 'start'
        ? `a safety time limit cut ${event.url}: scanning it again, alone`
        : `${event.url} scanned again: kept the ${event.kept === 'retry' ? 'new' : 'first'} result`,
    );
  } else if (event.type === 'browser-restart') {
    core.warning(`browser restarted: ${event.reason}`);
  }
}

/**
 * The Action: inputs → the same pipeline the CLI runs → outputs, job summary and issues. No judgment here: the
 * gate reads the thresholds the pipeline evaluated.
 */
export async function run(runtime: ActionRuntime = defaultRuntime): Promise<void> {
  try {
    const inputs = readInputs(runtime.getInput, runtime.env);
    const profile = await readProfile(inputs.profile);
    const rubric = inputs.rubricFile ? await readRubricFile(inputs.rubricFile, profile) : undefined;
    // A shard writes nothing shared: the history, issues and summary are the merge job's, written once.
    const history = inputs.shard ? undefined : await usableHistory(openHistory(inputs, runtime.env));
    const pullNumber = pullRequestNumber(runtime.env);
    let previous = await previousResults(inputs.previousResults);
    // A pull request is compared with the main branch's newest run, and never becomes the baseline itself.
    if (pullNumber !== null && !previous && history) previous = (await latestRun(history)) ?? undefined;
    const outcome =
      inputs.merge.length > 0
        ? await mergeShards({
            dirs: inputs.merge,
            outDir: inputs.outDir,
            lang: inputs.lang,
            profile,
            rubric,
            previous,
            history,
            listName: listNameOf(inputs.urlsFile),
            failUnderLevel: inputs.failUnderLevel,
            failUnderScore: inputs.failUnderScore,
          })
        : await scan(inputs, { profile, rubric, history, previous, pullNumber }, runtime.env);
    if ('missing' in outcome) {
      core.info(`egov-monitor: merged ${outcome.shards} shard(s) of run "${outcome.runId}"`);
      for (const site of outcome.missing)
        core.warning(`missing from shard ${site.shard}: ${site.url} (reported as missing-from-shard)`);
    }
    const { results } = outcome;
    if (outcome.previousFrom === 'history')
      core.info(`egov-monitor: compared with the previous run kept in ${history!.description}`);
    if (outcome.history && 'error' in outcome.history) {
      // The report and issues still go out; tomorrow's comparison will use the last run that was saved.
      core.warning(`the run was not saved to the history: ${outcome.history.error}`);
    } else if (outcome.history) {
      core.info(
        `egov-monitor: run ${outcome.history.appended.runId} saved to ${outcome.history.appended.location} (${outcome.history.appended.runs} run(s))`,
      );
      core.setOutput('history-run', outcome.history.appended.runId);
    }

    const context = runContext(runtime.env, results.startedAt);
    const reportUrl = inputs.reportUrl ?? context.runUrl;
    if (pullNumber !== null && inputs.issues)
      core.info('egov-monitor: pull request: site issues are not published');
    const published: PublishOutcome =
      inputs.issues && !inputs.shard && pullNumber === null
        ? await publishStep(
            // Issues need every finding of every site: only then is the whole run read back into memory.
            await outcome.readResults(),
            {
              token: inputs.githubToken ?? '',
              repository: runtime.env.GITHUB_REPOSITORY,
              baseUrl: runtime.env.GITHUB_API_URL,
              lang: inputs.lang,
              runId: context.runId,
              runUrl: context.runUrl,
              reportUrl,
              closeRemoved: inputs.closeRemoved,
              ...(inputs.siteUrl ? { sitePageBase: inputs.siteUrl } : {}),
            },
            actionsLog,
          )
        : { summary: null, failure: null };

    // Written after publication, so each site's row links its issue.
    const summaryText = renderSummaryIssue(results, inputs.lang, {
      ...issueLinks(published.summary),
      reportUrl,
      tool: results.tool,
    });
    if (inputs.shard) {
      core.info(
        `egov-monitor: shard ${inputs.shard.index}/${inputs.shard.count} of run "${inputs.runId}" written to ${outcome.outDir}; upload it for the merge job`,
      );
    } else {
      await core.summary.addRaw(summaryText.body, true).write();
    }

    if (pullNumber !== null && inputs.pullRequestComment) {
      const commented = await commentOnPullRequest(
        { sites: results.sites, comparison: results.comparison },
        pullNumber,
        {
          token: inputs.githubToken,
          repository: runtime.env.GITHUB_REPOSITORY,
          baseUrl: runtime.env.GITHUB_API_URL,
          lang: inputs.lang,
          previewUrl: inputs.previewUrl,
          reportUrl,
        },
        actionsLog,
      );
      if (commented.outcome) core.setOutput('pull-request-comment', String(commented.outcome.commentId));
      if (commented.failure) {
        if (inputs.onPublishError === 'fail') core.setFailed(commented.failure);
        else core.warning(commented.failure);
      }
    }

    if (inputs.siteDir && pullNumber !== null) core.info('egov-monitor: pull request: the site is not built');
    else if (inputs.siteDir && !inputs.shard) {
      if (!history)
        core.warning(
          'site not built: it is built from the history, which is off (input "history") or has no repository',
        );
      // Built without this run, the site would present the previous run as the latest one.
      else if (outcome.history && 'error' in outcome.history)
        core.warning('site not built: this run is not in the history');
      else {
        const built = await buildSite({
          history,
          outDir: inputs.siteDir,
          log: (message) => core.info(message),
        });
        core.info(
          `egov-monitor: site built from ${built.runs} run(s): ${built.pages} page(s) in ${built.outDir}`,
        );
        core.setOutput('site-dir', built.outDir);
      }
    }

    const evaluated = results.sites.filter((site) => site.status === 'ok');
    core.setOutput('results-file', outcome.reportFiles.find((file) => file.endsWith('results.json')) ?? '');
    core.setOutput('report-dir', outcome.outDir);
    core.setOutput('sites', results.sites.length);
    core.setOutput('sites-error', outcome.counts.error);
    // A loop, not Math.min(...sites): spreading tens of thousands of arguments overflows the call stack.
    core.setOutput(
      'lowest-level',
      results.sites.reduce((lowest, site) => Math.min(lowest, site.maturity.level), Infinity),
    );
    core.setOutput('average-points', results.aggregates?.overall.averagePoints ?? '');

    for (const line of gateNoticeLines(outcome.gates)) core.notice(line);
    // Thresholds fail the step in gate mode only; `fail-on: regression` asks for its gate whatever the mode.
    const failures = outcome.gates.filter(
      (gate) => !gate.met && (inputs.mode === 'gate' || gate.id === 'regression'),
    );
    core.setOutput('passed', String(failures.length === 0));
    if (evaluated.length === 0 && results.sites.length > 0) {
      core.warning("no site could be evaluated: see each site's error in the report");
    }
    if (published.failure) {
      if (inputs.onPublishError === 'fail') core.setFailed(published.failure);
      else core.warning(published.failure);
    }
    if (failures.length > 0) {
      core.setFailed(`below the gate:\n${gateFailureLines(failures).join('\n')}`);
    }
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}

/** The scan of the list, or of one shard of it (input "shard"). */
interface ScanContext {
  profile: CountryProfile;
  rubric: Rubric | undefined;
  history: HistoryStore | undefined;
  previous: ScanResults | undefined;
  /** The pull request's number on pull_request events, else null. */
  pullNumber: number | null;
}

async function scan(inputs: ActionInputs, context: ScanContext, env: NodeJS.ProcessEnv) {
  const { profile, rubric, history, pullNumber } = context;
  let { previous } = context;
  const list = inputs.urlsFile ? await readUrlListFile(inputs.urlsFile) : urlListFromArguments(inputs.urls);
  if (inputs.urlsFile && inputs.urls.length > 0) {
    const extra = urlListFromArguments(inputs.urls);
    list.targets.push(...extra.targets);
    list.problems.push(...extra.problems);
  }
  if (pullNumber !== null && inputs.previewUrl) {
    if (list.targets.length !== 1) {
      throw new PipelineConfigError(
        `input "preview-url" replaces one site, but the list has ${list.targets.length}: give the one site the preview deploys`,
      );
    }
    const production = list.targets[0]!;
    list.targets = [{ ...production, url: inputs.previewUrl }];
    if (previous) previous = baselineAtPreview(previous, production.url, inputs.previewUrl);
    core.info(
      `egov-monitor: pull request #${pullNumber}: scanning the preview ${inputs.previewUrl} for ${production.url}`,
    );
  } else if (inputs.previewUrl) {
    core.warning(
      'input "preview-url" is used on pull_request events only: the sites of the list were scanned',
    );
  }
  return runScan({
    targets: list.targets,
    listProblems: list.problems,
    outDir: inputs.outDir,
    lang: inputs.lang,
    concurrency: inputs.concurrency,
    caFile: inputs.caFile,
    profile,
    rubric,
    overrides: inputs.overridesFile ? await readOverridesFile(inputs.overridesFile) : undefined,
    previous,
    // On a pull request the history is only read (by run()): its run must not become the main branch's baseline.
    history: pullNumber === null ? history : undefined,
    listName: listNameOf(inputs.urlsFile),
    ...(inputs.shard ? { shard: inputs.shard, runId: inputs.runId } : {}),
    failUnderLevel: inputs.failUnderLevel,
    failUnderScore: inputs.failUnderScore,
    failOn: inputs.failOn,
    accepted: inputs.acceptedFile ? await readAcceptedFile(inputs.acceptedFile) : undefined,
    scan: {
      // Undefined settings take the run's defaults in the pipeline (RUN_OPTIONS), once.
      maxPages: inputs.maxPages,
      maxDepth: inputs.maxDepth,
      maxDiscoveredPages: inputs.maxDiscoveredPages,
      siteTimeoutMs: inputs.siteTimeoutMs,
      pageTimeoutMs: inputs.pageTimeoutMs,
      userAgent: inputs.userAgent,
      lighthouse: { enabled: inputs.lighthouse, keyPages: inputs.lighthousePages },
    },
    env,
    onProgress: logProgress,
  });
}

/**
 * `previous-results` overrides the history. The first scheduled run has no such file yet: that is a notice (the
 * history, when on, is used instead), not a failure. A broken file fails.
 */
async function previousResults(path: string | undefined) {
  if (!path) return undefined;
  if (!existsSync(path)) {
    core.notice(`no previous results at ${path}: this run is compared with the history's newest run, if any`);
    return undefined;
  }
  return readPreviousResults(path);
}

/** The history's newest run, the pull request's baseline; a broken history stops the run, as runScan does. */
async function latestRun(history: HistoryStore) {
  try {
    return await history.readLatestResults();
  } catch (error) {
    throw new PipelineConfigError(
      `cannot read the baseline from the history: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * A history the token cannot read (a workflow whose `permissions` leave out `contents`) must not fail a scan that
 * worked before the history existed: it is left out with a warning. A history that is readable but broken still
 * stops the run (runScan), since comparing with a wrong baseline would mislead.
 */
async function usableHistory(history: HistoryStore | undefined): Promise<HistoryStore | undefined> {
  if (!history) return undefined;
  try {
    await history.readIndex();
    return history;
  } catch (error) {
    if (!(error instanceof HistoryStoreError) || error.status === undefined) throw error;
    core.warning(`history not used: ${error.message}`);
    return undefined;
  }
}

/** The data branch of the repository the workflow runs in, through the REST API (needs `contents: write`). */
function openHistory(inputs: ActionInputs, env: NodeJS.ProcessEnv): HistoryStore | undefined {
  if (!inputs.history) return undefined;
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!inputs.githubToken || !owner || !repo) {
    core.warning('history off: it needs GITHUB_REPOSITORY and a github-token with contents: write');
    return undefined;
  }
  return openGitHubHistory({
    token: inputs.githubToken,
    owner,
    repo,
    baseUrl: env.GITHUB_API_URL,
    branch: inputs.historyBranch,
    log: actionsLog,
  });
}
