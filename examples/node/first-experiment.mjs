// A first ICP experiment, from a plain gRPC client that knows nothing of IcpExperiments but its protos.
// Usage: npm install && node first-experiment.mjs [host:port]   (default 127.0.0.1:5080)
// The API key comes from ICPX_API_KEY, else from the bootstrap admin key file a fresh server writes beside its
// database (src/IcpExperiments.Server/data/bootstrap-admin.key when started with `dotnet run`).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

const here = path.dirname(fileURLToPath(import.meta.url));
const address = process.argv[2] ?? '127.0.0.1:5080';
const definition = protoLoader.loadSync(
  ['icp_experiments/v1/profile_service.proto', 'icp_experiments/v1/experiment_service.proto', 'icp_experiments/v1/outcome_service.proto'],
  { includeDirs: [path.join(here, '../../protos'), path.join(here, 'node_modules/google-proto-files')], keepCase: true, longs: Number, enums: String, defaults: false, oneofs: true },
);
const v1 = grpc.loadPackageDefinition(definition).icp_experiments.v1;
const keyFile = path.join(here, '../../src/IcpExperiments.Server/data/bootstrap-admin.key');
if (!process.env.ICPX_API_KEY && !fs.existsSync(keyFile)) {
  console.error(`No API key: set ICPX_API_KEY, or start the server with \`dotnet run\` once so it writes ${keyFile}.`);
  process.exit(2);
}
const apiKey = process.env.ICPX_API_KEY ?? fs.readFileSync(keyFile, 'utf8').trim();
// Every call carries `authorization: Bearer <key>` (grpc-js refuses call credentials on an insecure channel, so an
// interceptor adds the header; use TLS and grpc.credentials.createFromMetadataGenerator beyond loopback).
const withKey = (options, nextCall) => new grpc.InterceptingCall(nextCall(options), {
  start(metadata, listener, next) {
    metadata.set('authorization', `Bearer ${apiKey}`);
    next(metadata, listener);
  },
});
const credentials = grpc.credentials.createInsecure();
const clientOptions = { interceptors: [withKey] };
const profiles = new v1.ProfileService(address, credentials, clientOptions);
const experiments = new v1.ExperimentService(address, credentials, clientOptions);
const outcomes = new v1.OutcomeService(address, credentials, clientOptions);
const call = (client, method, request) =>
  new Promise((resolve, reject) => client[method](request, (error, response) => (error ? reject(error) : resolve(response))));

const run = `${Date.now().toString(36)}`;
const now = Date.now();
const timestamp = (ms) => ({ seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1e6 });
const usd = (amount) => ({ currency_code: 'USD', units: Math.trunc(amount), nanos: 0 });
const industry = { attribute: 'industry', categorical: { operator: 'OPERATOR_IN', values: ['saas', 'fintech'] } };
const size = (max) => ({ attribute: 'employee_count', numeric_range: { min: 50, max } });

// 1. The ICP as it stands (version 1) and the change we want to test (version 2: up to 2,000 employees).
const { profile } = await call(profiles, 'CreateProfile', {
  profile_id: `mid-market-${run}`,
  profile: { display_name: 'Mid-market SaaS', description: 'Who we sell to best.' },
  first_version: { criteria: [industry, size(500)], narrative: { pain_points: 'Pipeline reviews in spreadsheets.' } },
});
const { profile_version: wider } = await call(profiles, 'CreateProfileVersion', {
  parent: profile.name,
  version: { change_note: 'Test larger companies.', criteria: [industry, size(2000)] },
});
const diff = await call(profiles, 'DiffProfileVersions', { base_version: `${profile.name}/versions/1`, other_version: wider.name });
console.log(`diff v1 -> v2: ${diff.changes.map((c) => `${c.attribute} ${c.kind} ${c.direction}`).join(', ')} (${diff.overall_direction})`);

// 2. The experiment: control = v1, variant = v2, half the accounts each.
const { experiment } = await call(experiments, 'CreateExperiment', {
  experiment_id: `wider-size-${run}`,
  experiment: {
    display_name: 'Up to 2,000 employees',
    hypothesis: 'Companies of 500-2,000 employees convert as well as smaller ones.',
    profile: profile.name,
    control: { key: 'control', profile_version: 1, allocation: 0.5 },
    variants: [{ key: 'wider', profile_version: wider.version_number, allocation: 0.5 }],
    primary_metric: 'METRIC_CONVERSION',
    guardrails: [{ metric: 'METRIC_ACV', tolerated_relative_harm: 0.1 }],
    alpha: 0.05, power: 0.8, minimum_detectable_effect: 0.2, observation_window_days: 180,
    analysis_mode: 'ANALYSIS_MODE_SEQUENTIAL',
  },
});
for (const arm of ['control', 'wider']) {
  await call(experiments, 'CreateCampaign', {
    parent: experiment.name, campaign_id: `outbound-${arm}`,
    campaign: { arm_key: arm, display_name: `Outbound ${arm}`, channel: 'CHANNEL_OUTBOUND', start_date: { year: 2026, month: 1, day: 5 }, spend: usd(12000) },
  });
}
const started = await call(experiments, 'StartExperiment', { name: experiment.name });
console.log(`${started.experiment.name} is ${started.experiment.state}`);

// 3. Enrol 400 accounts and record their outcomes in one import stream, batch by batch.
const importer = outcomes.ImportOutcomes();
const acks = [];
importer.on('data', (ack) => acks.push(ack));
const done = new Promise((resolve, reject) => { importer.on('end', resolve); importer.on('error', reject); });
for (let batch = 0; batch < 4; batch++) {
  const rows = [];
  for (let i = batch * 100; i < (batch + 1) * 100; i++) {
    const account_id = `acct-${i}`;
    const arm_key = i % 2 === 0 ? 'control' : 'wider';
    const enrolled = now - 90 * 86400e3 + i * 60e3;
    rows.push({ enrolment: { account_id, arm_key, event_id: `enrol-${i}`, enrol_time: timestamp(enrolled), attributes: { industry: 'saas', employee_count: 80 + (i % 7) * 250, region: 'emea' } } });
    if (i % 5 === 0) rows.push({ outcome: { account_id, event_id: `won-${i}`, converted: { convert_time: timestamp(enrolled + 30 * 86400e3), acv: usd(24000) } } });
    else if (i % 5 === 1) rows.push({ outcome: { account_id, event_id: `lost-${i}`, lost: { lose_time: timestamp(enrolled + 20 * 86400e3) } } });
  }
  importer.write({ batch_id: `batch-${batch}`, parent: experiment.name, rows });
}
importer.end();
await done;
for (const ack of acks) console.log(`${ack.batch_id}: ${ack.accepted_count ?? 0} stored, ${ack.duplicate_count ?? 0} duplicates, ${(ack.rejected_rows ?? []).length} rejected`);

// 4. Idempotency: a retry with the same event id is a no-op; the same id with other content is refused.
const outcome = { account_id: 'acct-3', event_id: 'won-3', converted: { convert_time: timestamp(now - 86400e3), acv: usd(30000) } };
const first = await call(outcomes, 'RecordOutcome', { parent: experiment.name, outcome });
const retry = await call(outcomes, 'RecordOutcome', { parent: experiment.name, outcome });
console.log(`retry returned the original: ${first.outcome.create_time.seconds === retry.outcome.create_time.seconds}`);
try {
  await call(outcomes, 'RecordOutcome', { parent: experiment.name, outcome: { ...outcome, converted: { ...outcome.converted, acv: usd(1) } } });
} catch (error) {
  console.log(`same event id, other content: ${grpc.status[error.code]} - ${error.details}`);
}

// 5. Contamination: an account is in one arm only.
try {
  await call(experiments, 'EnrolAccount', { parent: experiment.name, enrolment: { account_id: 'acct-0', arm_key: 'wider', event_id: 'enrol-again-0', enrol_time: timestamp(now), attributes: { industry: 'saas' } } });
} catch (error) {
  console.log(`acct-0 into the other arm: ${grpc.status[error.code]} - ${error.details}`);
}
const listed = await call(outcomes, 'ListOutcomes', { parent: experiment.name, page_size: 1000 });
console.log(`${listed.outcomes.length} outcomes stored for ${experiment.name}`);
