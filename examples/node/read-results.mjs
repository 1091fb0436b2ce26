// What an ICP owner does once outcomes are in: read results, read the criterion recommendation, stop the
// experiment and apply the recommendation to get the next profile version.
// Usage: node read-results.mjs [host:port] [experiment]   (defaults 127.0.0.1:5080, the --seed-demo experiment)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

const here = path.dirname(fileURLToPath(import.meta.url));
const address = process.argv[2] ?? '127.0.0.1:5080';
const experiment = `experiments/${process.argv[3] ?? 'demo-headcount-widening'}`;
const definition = protoLoader.loadSync(
  ['icp_experiments/v1/analysis_service.proto', 'icp_experiments/v1/recommendation_service.proto', 'icp_experiments/v1/experiment_service.proto'],
  { includeDirs: [path.join(here, '../../protos'), path.join(here, 'node_modules/google-proto-files')], keepCase: true, longs: Number, enums: String, defaults: false, oneofs: true },
);
const v1 = grpc.loadPackageDefinition(definition).icp_experiments.v1;
const keyFile = path.join(here, '../../src/IcpExperiments.Server/data/bootstrap-admin.key');
const apiKey = process.env.ICPX_API_KEY ?? fs.readFileSync(keyFile, 'utf8').trim();
const withKey = (options, nextCall) => new grpc.InterceptingCall(nextCall(options), {
  start(metadata, listener, next) {
    metadata.set('authorization', `Bearer ${apiKey}`);
    next(metadata, listener);
  },
});
const options = { interceptors: [withKey] };
const credentials = grpc.credentials.createInsecure();
const analysis = new v1.AnalysisService(address, credentials, options);
const recommendations = new v1.RecommendationService(address, credentials, options);
const experiments = new v1.ExperimentService(address, credentials, options);
const call = (client, method, request) =>
  new Promise((resolve, reject) => client[method](request, (error, response) => (error ? reject(error) : resolve(response))));
const percent = (x) => (x === undefined ? 'n/a' : `${(100 * x).toFixed(1)}%`);

const { results } = await call(analysis, 'GetResults', { experiment });
console.log(`${experiment} as of ${new Date(results.as_of.seconds * 1000).toISOString()} (data version ${results.data_version})`);
console.log(`sample-ratio check p = ${results.sample_ratio?.p_value}`);
for (const d of results.decisions) console.log(`  ${d.variant}: ${d.outcome} - ${d.reason}`);

const { recommendation } = await call(recommendations, 'GetRecommendation', { experiment });
for (const v of recommendation.variants) {
  for (const c of v.criteria ?? []) {
    const effect = c.relative_effect;
    console.log(`  ${c.attribute}: ${c.call} (${c.metric} ${percent(effect?.estimate)}, CI ${percent(effect?.lower)} to ${percent(effect?.upper)})`);
  }
}

if (!recommendation.proposed_version?.has_changes) {
  console.log('Nothing to adopt yet: keep the experiment running.');
  process.exit(0);
}
const current = (await call(experiments, 'GetExperiment', { name: experiment })).experiment;
if (current.state === 'EXPERIMENT_STATE_RUNNING') await call(experiments, 'StopExperiment', { name: experiment, etag: current.etag });
for (const attempt of [1, 2]) {
  const applied = await call(recommendations, 'ApplyRecommendation', { experiment });
  console.log(`apply #${attempt}: ${applied.profile_version.name} (created: ${applied.created ?? false})`);
}
