// The resume window across a restart: open() hands back the last events, each with the centre
// just after it, so that the server can rebuild what a reconnecting board is owed.
#include "store/codec.hpp"
#include "store/database.hpp"
#include "store_fixture.hpp"

#include <gtest/gtest.h>

namespace novbe::store::testing {
namespace {

struct seen_event {
    std::uint64_t sequence;
    std::size_t kind;
    std::int64_t at_ms;
};

class resume_window : public ::testing::Test {
protected:
    // Appends `visits` visits, a few at a time; keeps every event in order.
    void write(log_options options, int visits) {
        options.path = path;
        auto opened = event_log::open(std::move(options), source.centre().config());
        for (int i = 0; i < visits; i += 3) {
            auto events = source.busy_minutes(3);
            written.insert(written.end(), events.begin(), events.end());
            ASSERT_FALSE(append_and_wait(*opened.log, std::move(events)).ec);
        }
        opened.log->close();  // a clean close: a snapshot at the very last event
    }
    // Reopens with a window of `window` events; what `recent` was handed.
    std::vector<seen_event> reopen(std::uint64_t window) {
        std::vector<seen_event> seen;
        core::centre after_last(source.centre().config());
        auto opened = event_log::open({.path = path, .snapshot_every = 40, .resume_window = window,
                                       .recent = [&](std::uint64_t seq, core::event const& ev, core::centre const& c, core::actor const&) {
                                           seen.push_back({seq, ev.index(), detail::ms(event_time(ev))});
                                           after_last = c;
                                       }},
                                      source.centre().config());
        EXPECT_TRUE(after_last == opened.centre) << "the centre handed with the last event is the recovered one";
        EXPECT_TRUE(opened.centre == source.centre());
        return seen;
    }
    // The sequences first..last, with the kinds and times of the events written there.
    void expect_exactly(std::vector<seen_event> const& seen, std::uint64_t first, std::uint64_t last) {
        ASSERT_FALSE(seen.empty());
        EXPECT_EQ(first, seen.front().sequence);
        EXPECT_EQ(last, seen.back().sequence);
        ASSERT_EQ(last - first + 1, seen.size());
        for (std::size_t i = 0; i < seen.size(); ++i) {
            auto const& ev = written[seen[i].sequence - 1];
            ASSERT_EQ(first + i, seen[i].sequence) << "no gap, no repeat";
            EXPECT_EQ(ev.index(), seen[i].kind) << "at " << seen[i].sequence;
            EXPECT_EQ(detail::ms(event_time(ev)), seen[i].at_ms) << "at " << seen[i].sequence;
        }
    }

    temp_dir dir;
    std::string path = dir.file("centre.db");
    event_source source;
    std::vector<core::event> written;
};

TEST_F(resume_window, the_last_events_come_back_though_a_clean_close_left_a_snapshot_at_the_end) {
    write({.snapshot_every = 40, .resume_window = 100}, 120);
    auto const last = written.size();
    ASSERT_GT(last, 400u);
    database db(path);
    EXPECT_GE(db.query_int("SELECT count(*) FROM snapshots WHERE seq <= " + std::to_string(last - 100)), 1)
        << "a snapshot old enough for the window is kept";
    EXPECT_LE(db.query_int("SELECT count(*) FROM snapshots"), 6) << "and not many more";
    expect_exactly(reopen(100), last - 99, last);
}

TEST_F(resume_window, a_window_longer_than_the_log_replays_all_of_it) {
    write({.resume_window = 10'000}, 30);
    expect_exactly(reopen(10'000), 1, written.size());
}

TEST_F(resume_window, a_log_without_an_old_enough_snapshot_gives_what_its_oldest_one_allows) {
    write({.snapshot_every = 40}, 120);  // no window: only the two newest snapshots are kept
    std::uint64_t oldest = 0;
    {
        database db(path);
        EXPECT_EQ(2, db.query_int("SELECT count(*) FROM snapshots"));
        oldest = static_cast<std::uint64_t>(db.query_int("SELECT min(seq) FROM snapshots"));
    }
    ASSERT_GT(oldest, 0u);
    ASSERT_GT(oldest, written.size() - 100);
    expect_exactly(reopen(100), oldest + 1, written.size());  // a shorter window, not a replay of the whole log
}

// Days whose personal data retention erased cannot be replayed (their tickets' tokens are gone),
// so a window never reaches back into them, however short the log.
TEST_F(resume_window, a_window_does_not_reach_into_days_whose_personal_data_was_erased) {
    write({.retention_days = 1, .resume_window = 100'000}, 15);
    for (int day = 1; day <= 2; ++day) {
        source.advance(std::chrono::days{1});
        write({.retention_days = 1, .resume_window = 100'000}, 6);
    }
    std::int64_t erased_before = 0;
    {
        database db(path);
        erased_before = db.query_int("SELECT erased_before_day FROM retention");
        ASSERT_GT(erased_before, db.query_int("SELECT min(day) FROM events")) << "retention erased a day";
    }
    std::vector<seen_event> seen;
    ASSERT_NO_THROW(seen = reopen(100'000));
    ASSERT_FALSE(seen.empty());
    database db(path);
    EXPECT_GE(db.query_int("SELECT day FROM events WHERE seq = " + std::to_string(seen.front().sequence)), erased_before);
    EXPECT_EQ(written.size(), seen.back().sequence);
}

// The events replayed from the older snapshot were in the newest one already: after the
// restart, the next snapshot waits for as many new events as any other would.
TEST_F(resume_window, replaying_for_the_window_does_not_make_a_snapshot_due) {
    write({.snapshot_every = 40, .resume_window = 300}, 120);
    auto const last = written.size();
    std::uint64_t handed = 0;
    {
        auto opened = event_log::open({.path = path, .snapshot_every = 40, .resume_window = 300,
                                       .recent = [&](std::uint64_t, core::event const&, core::centre const&, core::actor const&) { ++handed; }},
                                      source.centre().config());
        ASSERT_EQ(300u, handed);
        ASSERT_GT(opened.replayed, 300u);
        for (int i = 0; i < 2; ++i) ASSERT_FALSE(append_and_wait(*opened.log, source.busy_minutes(1)).ec);
    }  // closed: a snapshot at the end, as always
    database db(path);
    auto const final_sequence = db.query_int("SELECT max(seq) FROM events");
    EXPECT_EQ(0, db.query_int("SELECT count(*) FROM snapshots WHERE seq > " + std::to_string(last) + " AND seq < " +
                              std::to_string(final_sequence)));
}

TEST_F(resume_window, without_a_taker_nothing_more_is_replayed) {
    write({.snapshot_every = 40, .resume_window = 100}, 120);
    auto opened = event_log::open({.path = path, .resume_window = 100}, source.centre().config());
    EXPECT_EQ(0u, opened.replayed) << "the clean close's snapshot is used";
}

}  // namespace
}  // namespace novbe::store::testing
