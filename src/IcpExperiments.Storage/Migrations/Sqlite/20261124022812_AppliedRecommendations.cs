using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IcpExperiments.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AppliedRecommendations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "applied_recommendations",
                columns: table => new
                {
                    team_id = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    experiment_id = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    profile_id = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    control_version = table.Column<int>(type: "INTEGER", nullable: false),
                    version_number = table.Column<int>(type: "INTEGER", nullable: false),
                    applied_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    applied_at = table.Column<long>(type: "INTEGER", nullable: false),
                    confidence_level = table.Column<double>(type: "REAL", nullable: false),
                    provenance_json = table.Column<string>(type: "TEXT", nullable: false)
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
                        name: "FK_applied_recommendations_profile_versions_team_id_profile_id_version_number",
                        columns: x => new { x.team_id, x.profile_id, x.version_number },
                        principalTable: "profile_versions",
                        principalColumns: new[] { "team_id", "profile_id", "number" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_applied_recommendations_team_id_profile_id_version_number",
                table: "applied_recommendations",
                columns: new[] { "team_id", "profile_id", "version_number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "applied_recommendations");
        }
    }
}
