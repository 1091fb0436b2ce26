using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IcpExperiments.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false, collation: "C"),
                    team_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false, collation: "C"),
                    display_name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    roles = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    secret_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_by = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false, collation: "C"),
                    created_at = table.Column<long>(type: "bigint", nullable: false),
                    revoked_at = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    team_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false, collation: "C"),
                    actor_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false, collation: "C"),
                    method = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    resource_name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    status_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    detail = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    occurred_at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "profiles",
                columns: table => new
                {
                    team_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false, collation: "C"),
                    id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false, collation: "C"),
                    display_name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    description = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    latest_version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_profiles", x => new { x.team_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "experiments",
                columns: table => new
                {
                    team_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false, collation: "C"),
                    id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false, collation: "C"),
                    display_name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    hypothesis = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    profile_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false, collation: "C"),
                    arms_json = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    primary_metric = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    guardrails_json = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    alpha = table.Column<double>(type: "double precision", nullable: false),
                    power = table.Column<double>(type: "double precision", nullable: false),
                    minimum_detectable_effect = table.Column<double>(type: "double precision", nullable: false),
                    observation_window_days = table.Column<int>(type: "integer", nullable: false),
                    analysis_mode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    row_version = table.Column<long>(type: "bigint", nullable: false),
                    data_version = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<long>(type: "bigint", nullable: false),
                    started_at = table.Column<long>(type: "bigint", nullable: true),
                    stopped_at = table.Column<long>(type: "bigint", nullable: true),
                    concluded_at = table.Column<long>(type: "bigint", nullable: true),
                    archived_at = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_experiments", x => new { x.team_id, x.id });
                    table.ForeignKey(
                        name: "FK_experiments_profiles_team_id_profile_id",
                        columns: x => new { x.team_id, x.profile_id },
                        principalTable: "profiles",
                        principalColumns: new[] { "team_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "profile_versions",
                columns: table => new
                {
                    team_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false, collation: "C"),
                    profile_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false, collation: "C"),
                    number = table.Column<int>(type: "integer", nullable: false),
                    criteria_json = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    fit_tiers_json = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    psychographics = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    goals = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    pain_points = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    buying_process = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    change_note = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    created_at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_profile_versions", x => new { x.team_id, x.profile_id, x.number });
                    table.ForeignKey(
                        name: "FK_profile_versions_profiles_team_id_profile_id",
                        columns: x => new { x.team_id, x.profile_id },
                        principalTable: "profiles",
                        principalColumns: new[] { "team_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "campaigns",
                columns: table => new
                {
                    team_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false, collation: "C"),
                    experiment_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false, collation: "C"),
                    id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false, collation: "C"),
                    arm_key = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false, collation: "C"),
                    display_name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true),
                    spend_currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false, collation: "C"),
                    spend_amount = table.Column<decimal>(type: "numeric", nullable: false),
                    row_version = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaigns", x => new { x.team_id, x.experiment_id, x.id });
                    table.ForeignKey(
                        name: "FK_campaigns_experiments_team_id_experiment_id",
                        columns: x => new { x.team_id, x.experiment_id },
                        principalTable: "experiments",
                        principalColumns: new[] { "team_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enrolments",
                columns: table => new
                {
                    team_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false, collation: "C"),
                    experiment_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false, collation: "C"),
                    account_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    event_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    arm_key = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false, collation: "C"),
                    campaign_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: true, collation: "C"),
                    enrolled_at = table.Column<long>(type: "bigint", nullable: false),
                    industry = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    employee_count = table.Column<long>(type: "bigint", nullable: true),
                    region = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    annual_revenue = table.Column<double>(type: "double precision", nullable: true),
                    funding_stage = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    tech_stack_json = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    extra_json = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    fingerprint = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    recorded_at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enrolments", x => new { x.team_id, x.experiment_id, x.account_id });
                    table.ForeignKey(
                        name: "FK_enrolments_experiments_team_id_experiment_id",
                        columns: x => new { x.team_id, x.experiment_id },
                        principalTable: "experiments",
                        principalColumns: new[] { "team_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "outcomes",
                columns: table => new
                {
                    team_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false, collation: "C"),
                    experiment_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false, collation: "C"),
                    event_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    account_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    occurred_at = table.Column<long>(type: "bigint", nullable: false),
                    acv_currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true, collation: "C"),
                    acv_amount = table.Column<decimal>(type: "numeric", nullable: true),
                    cycle_days = table.Column<double>(type: "double precision", nullable: true),
                    fingerprint = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    recorded_at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outcomes", x => new { x.team_id, x.experiment_id, x.event_id });
                    table.ForeignKey(
                        name: "FK_outcomes_experiments_team_id_experiment_id",
                        columns: x => new { x.team_id, x.experiment_id },
                        principalTable: "experiments",
                        principalColumns: new[] { "team_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "applied_recommendations",
                columns: table => new
                {
                    team_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false, collation: "C"),
                    experiment_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false, collation: "C"),
                    profile_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false, collation: "C"),
                    control_version = table.Column<int>(type: "integer", nullable: false),
                    version_number = table.Column<int>(type: "integer", nullable: false),
                    applied_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    applied_at = table.Column<long>(type: "bigint", nullable: false),
                    confidence_level = table.Column<double>(type: "double precision", nullable: false),
                    provenance_json = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_applied_recommendations", x => new { x.team_id, x.experiment_id });
                    table.ForeignKey(
                        name: "FK_applied_recommendations_experiments_team_id_experiment_id",
                        columns: x => new { x.team_id, x.experiment_id },
                        principalTable: "experiments",
                        principalColumns: new[] { "team_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_applied_recommendations_profile_versions_team_id_profile_id~",
                        columns: x => new { x.team_id, x.profile_id, x.version_number },
                        principalTable: "profile_versions",
                        principalColumns: new[] { "team_id", "profile_id", "number" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_api_keys_secret_hash",
                table: "api_keys",
                column: "secret_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_api_keys_team_id_id",
                table: "api_keys",
                columns: new[] { "team_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_applied_recommendations_team_id_profile_id_version_number",
                table: "applied_recommendations",
                columns: new[] { "team_id", "profile_id", "version_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_occurred_at",
                table: "audit_entries",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_team_id_id",
                table: "audit_entries",
                columns: new[] { "team_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_enrolments_team_id_experiment_id_event_id",
                table: "enrolments",
                columns: new[] { "team_id", "experiment_id", "event_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_experiments_team_id_created_at_id",
                table: "experiments",
                columns: new[] { "team_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_experiments_team_id_profile_id",
                table: "experiments",
                columns: new[] { "team_id", "profile_id" });

            migrationBuilder.CreateIndex(
                name: "IX_experiments_team_id_state_created_at_id",
                table: "experiments",
                columns: new[] { "team_id", "state", "created_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "applied_recommendations");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "campaigns");

            migrationBuilder.DropTable(
                name: "enrolments");

            migrationBuilder.DropTable(
                name: "outcomes");

            migrationBuilder.DropTable(
                name: "profile_versions");

            migrationBuilder.DropTable(
                name: "experiments");

            migrationBuilder.DropTable(
                name: "profiles");
        }
    }
}
