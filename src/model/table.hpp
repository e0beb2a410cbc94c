// Table<T>: the entities of one kind, kept sorted by id. Ids grow within a session
// (ids.hpp), so creating an entity usually appends; lookups are binary searches; iteration
// order is stable (id order), which keeps saved files diff-friendly.
#pragma once

#include <algorithm>
#include <optional>
#include <vector>

namespace horizons {

template <class T> class Table {
  public:
    using IdType = decltype(T::id);

    const T* find(IdType id) const {
        auto it = lowerBound(id);
        return it != items_.end() && it->id == id ? &*it : nullptr;
    }
    bool contains(IdType id) const { return find(id) != nullptr; }

    // Inserts or replaces; returns the previous value if there was one.
    std::optional<T> put(T value) {
        auto it = std::lower_bound(items_.begin(), items_.end(), value.id,
                                   [](const T& a, IdType id) { return a.id < id; });
        if (it != items_.end() && it->id == value.id) {
            std::optional<T> old{std::move(*it)};
            *it = std::move(value);
            return old;
        }
        items_.insert(it, std::move(value));
        return std::nullopt;
    }

    std::optional<T> erase(IdType id) {
        auto it = std::lower_bound(items_.begin(), items_.end(), id,
                                   [](const T& a, IdType i) { return a.id < i; });
        if (it == items_.end() || it->id != id) return std::nullopt;
        std::optional<T> old{std::move(*it)};
        items_.erase(it);
        return old;
    }

    // Replaces everything (used by the loader). Returns false if two items share an id.
    bool assign(std::vector<T> items) {
        std::sort(items.begin(), items.end(), [](const T& a, const T& b) { return a.id < b.id; });
        for (std::size_t i = 1; i < items.size(); ++i)
            if (items[i - 1].id == items[i].id) return false;
        items_ = std::move(items);
        return true;
    }

    const std::vector<T>& items() const { return items_; }
    auto begin() const { return items_.begin(); }
    auto end() const { return items_.end(); }
    std::size_t size() const { return items_.size(); }
    bool empty() const { return items_.empty(); }
    void reserve(std::size_t n) { items_.reserve(n); }
    bool operator==(const Table&) const = default;

  private:
    typename std::vector<T>::const_iterator lowerBound(IdType id) const {
        return std::lower_bound(items_.begin(), items_.end(), id,
                                [](const T& a, IdType i) { return a.id < i; });
    }
    std::vector<T> items_;
};

} // namespace horizons
