package cn.zz.pipeline.reporting.projection;

import cn.zz.pipeline.reporting.stats.Category;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ids of stat_cell rows, cached. A new cell is written in a transaction of its own, so a rolled-back batch never
 * leaves a cached id without its row; cells are never deleted (a rebuild keeps them), so the cache stays true.
 */
@ApplicationScoped
public class Cells {

    /** One combination of the report's dimensions; park and chain are '' when the project has none. */
    public record Key(String district, String park, String chain, String sector, boolean industrial,
                      boolean techReform, boolean privateInvestment, boolean infrastructure) {

        static Key of(ProjectState p) {
            return new Key(p.district, p.park == null ? "" : p.park, p.chain == null ? "" : p.chain, p.sector,
                    Category.industrial(p.industry), Category.techReform(p.industry, p.projectType),
                    p.privateInvestment, Category.infrastructure(p.industry));
        }
    }

    @Inject
    DataSource dataSource;

    private final Map<Key, Integer> ids = new ConcurrentHashMap<>();

    public int id(Key key) {
        Integer id = ids.get(key);
        if (id != null) {
            return id;
        }
        int created = QuarkusTransaction.requiringNew().call(() -> insert(key));
        ids.put(key, created);
        return created;
    }

    private int insert(Key k) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("insert into stat_cell (district, park, chain, sector,"
                     + " industrial, tech_reform, private_investment, infrastructure) values (?, ?, ?, ?, ?, ?, ?, ?)"
                     + " on conflict do nothing");
             PreparedStatement select = c.prepareStatement("select id from stat_cell where district = ? and park = ?"
                     + " and chain = ? and sector = ? and industrial = ? and tech_reform = ? and private_investment = ?"
                     + " and infrastructure = ?")) {
            for (PreparedStatement s : new PreparedStatement[] {insert, select}) {
                s.setString(1, k.district());
                s.setString(2, k.park());
                s.setString(3, k.chain());
                s.setString(4, k.sector());
                s.setBoolean(5, k.industrial());
                s.setBoolean(6, k.techReform());
                s.setBoolean(7, k.privateInvestment());
                s.setBoolean(8, k.infrastructure());
            }
            insert.executeUpdate();
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
