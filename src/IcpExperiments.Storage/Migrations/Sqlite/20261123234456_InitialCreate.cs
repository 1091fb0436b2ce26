using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IcpExperiments.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "profiles",
                columns: table => new
                {
                    team_id = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    id = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    display_name = table.Column<string>(type: "TEXT", nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: false),
                    latest_version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_profiles", x => new { x.team_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "experiments",
                columns: table => new
                {
                    team_id = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    id = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    display_name = table.Column<string>(type: "TEXT", nullable: false),
                    hypothesis = table.Column<string>(type: "TEXT", nullable: false),
                    profile_id = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    arms_json = table.Column<string>(type: "TEXT", nullable: false),
                    primary_metric = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    guardrails_json = table.Column<string>(type: "TEXT", nullable: false),
                    alpha = table.Column<double>(type: "REAL", nullable: false),
                    power = table.Column<double>(type: "REAL", nullable: false),
                    minimum_detectable_effect = table.Column<double>(type: "REAL", nullable: false),
                    observation_window_days = table.Column<int>(type: "INTEGER", nullable: false),
                    analysis_mode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    row_version = table.Column<long>(type: "INTEGER", nullable: false),
                    data_version = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: true),
                    stopped_at = table.Column<long>(type: "INTEGER", nullable: true),
                    concluded_at = table.Column<long>(type: "INTEGER", nullable: true),
                    archived_at = table.Column<long>(type: "INTEGER", nullable: true)
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
                    team_id = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    profile_id = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    criteria_json = table.Column<string>(type: "TEXT", nullable: false),
                    fit_tiers_json = table.Column<string>(type: "TEXT", nullable: false),
                    psychographics = table.Column<string>(type: "TEXT", nullable: false),
                    goals = table.Column<string>(type: "TEXT", nullable: false),
                    pain_points = table.Column<string>(type: "TEXT", nullable: false),
                    buying_process = table.Column<string>(type: "TEXT", nullable: false),
                    change_note = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
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
                    team_id = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    experiment_id = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    id = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    arm_key = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    display_name = table.Column<string>(type: "TEXT", nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    spend_currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    spend_amount = table.Column<decimal>(type: "TEXT", nullable: false),
                    row_version = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
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
                    team_id = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    experiment_id = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    account_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    event_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    arm_key = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    campaign_id = table.Column<string>(type: "TEXT", maxLength: 63, nullable: true),
                    enrolled_at = table.Column<long>(type: "INTEGER", nullable: false),
                    industry = table.Column<string>(type: "TEXT", nullable: true),
                    employee_count = table.Column<long>(type: "INTEGER", nullable: true),
                    region = table.Column<string>(type: "TEXT", nullable: true),
                    annual_revenue = table.Column<double>(type: "REAL", nullable: true),
                    funding_stage = table.Column<string>(type: "TEXT", nullable: true),
                    tech_stack_json = table.Column<string>(type: "TEXT", nullable: false),
                    extra_json = table.Column<string>(type: "TEXT", nullable: false),
                    fingerprint = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
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
                    team_id = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    experiment_id = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    event_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    account_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    acv_currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    acv_amount = table.Column<decimal>(type: "TEXT", nullable: true),
                    cycle_days = table.Column<double>(type: "REAL", nullable: true),
                    fingerprint = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outcomes", x => new { x.team_id, x.experiment_id, x.event_id });
                    table.ForeignKey(
                        name: "FK_outcomes_enrolments_team_id_experiment_id_account_id",
                        columns: x => new { x.team_id, x.experiment_id, x.account_id },
                        principalTable: "enrolments",
                        principalColumns: new[] { "team_id", "experiment_id", "account_id" },
                        onDelete: ReferentialAction.Restrict);
                });

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

            migrationBuilder.CreateIndex(
                name: "IX_outcomes_team_id_experiment_id_account_id",
                table: "outcomes",
                columns: new[] { "team_id", "experiment_id", "account_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "campaigns");

            migrationBuilder.DropTable(
                name: "outcomes");

            migrationBuilder.DropTable(
                name: "profile_versions");

            migrationBuilder.DropTable(
                name: "enrolments");

            migrationBuilder.DropTable(
                name: "experiments");

            migrationBuilder.DropTable(
                name: "profiles");
        }
    }
}
