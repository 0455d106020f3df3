#pragma once
// A small ledger written with plain SQL for the query tests (independent of the repositories).
#include <string>

#include "core/db/database.h"
#include "core/db/storage/ledger_copy.h"

namespace il::query_test {

inline void exec(db::Database& db, const std::string& sql) {
    db.exec(sql);
    // the rows come with their ids: a server's id sequences move past them
    if (auto* server = db.server()) db::storage::move_identity_sequences(*server);
}

inline void fill_small_ledger(db::Database& db) {
    exec(db, R"sql(
      INSERT INTO regions(id, uid, name, sort_order) VALUES (1,'r1','广阳区',1),(2,'r2','固安县',2);
      INSERT INTO zones(id, uid, region_id, name) VALUES (1,'z1',2,'固安工业园区');
      INSERT INTO categories(id, uid, name, group_name) VALUES (1,'c1','新材料','战略性新兴产业');
      INSERT INTO projects(id, uid, code, name, owner, region_id, zone_id, category_id, stage, level,
                           total_investment, leader_name, created_at, updated_at)
      VALUES (1,'p1','2017-131000-39-01-000001','华夏AMOLED','华夏光电有限公司',2,1,1,'续建','省重点',
              2000000000000,'张三','2017-01-01','2017-01-01'),
             (2,'p2',NULL,'润泽信息港','润泽科技发展有限公司',1,NULL,NULL,'新开工','市重点',
              500000000000,'李四','2017-01-01','2017-01-01'),
             (3,'p3',NULL,'新奥泛能网','新奥集团',1,NULL,1,'前期','县重点',
              150000000000,'','2017-01-01','2017-01-01');
      INSERT INTO project_plans(project_id, year, planned_investment, uid)
      VALUES (1,2017,120000000000,'pl1'),(2,2017,60000000000,'pl2'),(3,2017,12000000000,'pl3');
      INSERT INTO progress(project_id, year, month, completed_month, completed_ytd, uid, updated_at)
      VALUES (1,2017,1,10000000000,10000000000,'g1','x'),(1,2017,2,5000000000,15000000000,'g2','x'),
             (2,2017,2,30000000000,30000000000,'g3','x'),(2,2016,12,7000000000,90000000000,'g4','x');
      INSERT INTO problems(id, uid, project_id, description, status, created_at, updated_at)
      VALUES (1,'b1',1,'用地指标不足','交办','x','x');
    )sql");
}

}  // namespace il::query_test
