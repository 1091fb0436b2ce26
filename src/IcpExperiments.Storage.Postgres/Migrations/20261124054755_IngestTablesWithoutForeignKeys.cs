using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IcpExperiments.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IngestTablesWithoutForeignKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_enrolments_experiments_team_id_experiment_id",
                table: "enrolments");

            migrationBuilder.DropForeignKey(
                name: "FK_outcomes_experiments_team_id_experiment_id",
                table: "outcomes");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddForeignKey(
                name: "FK_enrolments_experiments_team_id_experiment_id",
                table: "enrolments",
                columns: new[] { "team_id", "experiment_id" },
                principalTable: "experiments",
                principalColumns: new[] { "team_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_outcomes_experiments_team_id_experiment_id",
                table: "outcomes",
                columns: new[] { "team_id", "experiment_id" },
                principalTable: "experiments",
                principalColumns: new[] { "team_id", "id" },
                onDelete: ReferentialAction.Restrict);
        }
    }
}
