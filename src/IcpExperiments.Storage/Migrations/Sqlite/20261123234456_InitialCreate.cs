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

            // Hand edit: the hot ingest tables are WITHOUT ROWID, so a row lives in its primary-key B-tree only (one
            // B-tree write and one lookup per row instead of two). EF cannot express this; a later migration that
            // rebuilds this table must keep the clause.
            migrationBuilder.Sql(@"CREATE TABLE ""enrolments"" (
    ""team_id"" TEXT NOT NULL,
    ""experiment_id"" TEXT NOT NULL,
    ""account_id"" TEXT NOT NULL,
    ""event_id"" TEXT NOT NULL,
    ""arm_key"" TEXT NOT NULL,
    ""campaign_id"" TEXT NULL,
    ""enrolled_at"" INTEGER NOT NULL,
    ""industry"" TEXT NULL,
    ""employee_count"" INTEGER NULL,
    ""region"" TEXT NULL,
    ""annual_revenue"" REAL NULL,
    ""funding_stage"" TEXT NULL,
    ""tech_stack_json"" TEXT NOT NULL,
    ""extra_json"" TEXT NOT NULL,
    ""fingerprint"" TEXT NOT NULL,
    ""recorded_at"" INTEGER NOT NULL,
    CONSTRAINT ""PK_enrolments"" PRIMARY KEY (""team_id"", ""experiment_id"", ""account_id""),
    CONSTRAINT ""FK_enrolments_experiments_team_id_experiment_id"" FOREIGN KEY (""team_id"", ""experiment_id"") REFERENCES ""experiments"" (""team_id"", ""id"") ON DELETE RESTRICT
) WITHOUT ROWID;");

            // Hand edit: the hot ingest tables are WITHOUT ROWID, so a row lives in its primary-key B-tree only (one
            // B-tree write and one lookup per row instead of two). EF cannot express this; a later migration that
            // rebuilds this table must keep the clause.
            migrationBuilder.Sql(@"CREATE TABLE ""outcomes"" (
    ""team_id"" TEXT NOT NULL,
    ""experiment_id"" TEXT NOT NULL,
    ""event_id"" TEXT NOT NULL,
    ""account_id"" TEXT NOT NULL,
    ""kind"" TEXT NOT NULL,
    ""occurred_at"" INTEGER NOT NULL,
    ""acv_currency"" TEXT NULL,
    ""acv_amount"" TEXT NULL,
    ""cycle_days"" REAL NULL,
    ""fingerprint"" TEXT NOT NULL,
    ""recorded_at"" INTEGER NOT NULL,
    CONSTRAINT ""PK_outcomes"" PRIMARY KEY (""team_id"", ""experiment_id"", ""event_id""),
    CONSTRAINT ""FK_outcomes_experiments_team_id_experiment_id"" FOREIGN KEY (""team_id"", ""experiment_id"") REFERENCES ""experiments"" (""team_id"", ""id"") ON DELETE RESTRICT
) WITHOUT ROWID;");

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
