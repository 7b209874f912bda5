// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace motcua {

// What went wrong, in terms a caller can act on. Codes are stable; messages are translated
// (QCoreApplication::translate) and meant for the person at the keyboard.
enum class ErrorCode {
    InvalidInput,  // the caller's input is wrong: bad argument, malformed file, illegal transition
    NotFound,
    InUse,        // the store is owned by another process
    Corrupt,      // the store failed its integrity check or is not a database
    NewerSchema,  // the store was written by a newer MotCua
    DiskFull,
    ReadOnly,  // the file or its directory cannot be written
    Io,
    Busy,
    Database,   // any other SQL failure
    Exhausted,  // a finite resource (e.g. a dossier-code range) ran out
    Conflict,
    Internal,
};

struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QString detail;  // technical detail for logs (SQL text, driver message); not for the officer

    // Errors the person can fix by giving different input (motcua-cli exits 2 for these).
    [[nodiscard]] bool isInputError() const { return code == ErrorCode::InvalidInput || code == ErrorCode::NotFound; }
};

// A value or an Error, in the spirit of std::expected (C++23). No exceptions cross layers.
template <typename T> class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}      // NOLINT(google-explicit-constructor)
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}  // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}  // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

inline Error makeError(ErrorCode code, QString message, QString detail = {})
{
    return Error{code, std::move(message), std::move(detail)};
}

}  // namespace motcua
