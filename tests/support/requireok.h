#pragma once
// REQUIRE_OK(result): the test fails with the result's error unless it is OK. The expression is
// evaluated once (QVERIFY2 evaluates its message even when the check passes, and the operations
// under test are not idempotent).
#include <QTest>

#define REQUIRE_OK(result)                                                                         \
    do {                                                                                           \
        const auto &requiredResult_ = (result);                                                    \
        QVERIFY2(bool(requiredResult_), qPrintable(requiredResult_.error()));                      \
    } while (false)
