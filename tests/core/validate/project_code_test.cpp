#include <doctest/doctest.h>

#include "core/validate/project_code.h"

using il::validate::is_valid_project_code;
using il::validate::normalize_project_code;
using il::validate::project_code_problem;

TEST_CASE("project code: the current 24-character form") {
    CHECK(is_valid_project_code("2017-131003-47-01-012345"));
    CHECK(is_valid_project_code("2019-130000-26-02-00001X"));  // check character X
    CHECK(is_valid_project_code("2020-110105-65-03-999999"));
}

TEST_CASE("project code: the older 4-6-2-2-6 form") {
    CHECK(is_valid_project_code("2016-131000-47-03-000123"));
    CHECK(is_valid_project_code("2014-131022-30-02-000001"));
    CHECK_FALSE(is_valid_project_code("2016-131000-47-03-00012X"));  // no check character before 2017
}

TEST_CASE("project code: malformed codes are rejected with a reason") {
    CHECK(project_code_problem("2017-131003-47-01-01234")->find("24位") != std::string::npos);    // 23 chars
    CHECK(project_code_problem("2017-131003-47-01-0123456")->find("24位") != std::string::npos);  // 25 chars
    CHECK(project_code_problem("2017_131003-47-01-012345")->find("第5位") != std::string::npos);
    CHECK(project_code_problem("2017-13100A-47-01-012345")->find("第11位") != std::string::npos);
    CHECK(project_code_problem("2017-131003-47-01-0123X5"));      // X only as the last character
    CHECK(project_code_problem("2013-131003-47-01-012345")->find("年份") != std::string::npos);
    CHECK(project_code_problem("2100-131003-47-01-012345")->find("年份") != std::string::npos);
    CHECK(project_code_problem("2017-991003-47-01-012345")->find("行政区划") != std::string::npos);
    CHECK(project_code_problem("2017-000000-47-01-012345")->find("行政区划") != std::string::npos);
    CHECK(project_code_problem("2017-131003-00-01-012345")->find("行业代码") != std::string::npos);
    CHECK(project_code_problem("2017-131003-98-01-012345")->find("行业代码") != std::string::npos);
    CHECK(project_code_problem("2017-131003-47-04-012345")->find("项目类型") != std::string::npos);
    CHECK(project_code_problem("2017-131003-47-00-012345")->find("项目类型") != std::string::npos);
    CHECK(project_code_problem("2017-131003-47-01-000000")->find("流水号") != std::string::npos);
    CHECK(project_code_problem("201713100347010123450000"));  // no dashes
    CHECK(project_code_problem(""));
}

TEST_CASE("project code: normalization of pasted text") {
    CHECK(normalize_project_code(" 2017-131003-47-01-012345 ") == "2017-131003-47-01-012345");
    CHECK(normalize_project_code("２０１７－131003-47-01-01234x") == "2017-131003-47-01-01234X");
    CHECK(is_valid_project_code(normalize_project_code("２０１７－131003-47-01-01234x")));
}
