#pragma once

#include <QString>

#include <optional>
#include <utility>

// The outcome of an operation that can fail with a message meant for the user.
// Qt style: no exceptions; the message says what went wrong and where.
struct Error
{
    QString message;
};

template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error.message)) {}

    bool isOk() const { return m_value.has_value(); }
    explicit operator bool() const { return isOk(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    T valueOr(T fallback) const { return m_value ? *m_value : std::move(fallback); }
    QString error() const { return m_error; }

private:
    std::optional<T> m_value;
    QString m_error;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_failed(true), m_error(std::move(error.message)) {}

    bool isOk() const { return !m_failed; }
    explicit operator bool() const { return isOk(); }
    QString error() const { return m_error; }

private:
    bool m_failed = false;
    QString m_error;
};
