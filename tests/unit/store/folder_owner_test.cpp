// A data folder knows whose it is: another centre's file never opens it, and only a start may
// change the centre's languages (docs/SETUP.md#one-source-of-truth).
#include "store/event_log.hpp"

#include "store_fixture.hpp"

#include <gtest/gtest.h>

namespace novbe::store::testing {
namespace {

class folder_owner_test : public ::testing::Test {
protected:
    // Opens the folder's log as `owner`; the error's text, or "" when it opened.
    std::string open_as(folder_owner owner) {
        try {
            auto opened = event_log::open({.path = path_, .owner = std::move(owner)}, source_.centre().config());
            languages_before_ = opened.languages_before;
            opened.log->close();
            return {};
        } catch (store_error const& e) {
            return e.what();
        }
    }
    std::int64_t events() {
        database db(path_, false);
        return db.query_int("SELECT count(*) FROM events");
    }

    temp_dir dir_;
    std::string path_ = dir_.file("centre.db");
    event_source source_;
    std::vector<std::string> languages_before_;
};

TEST_F(folder_owner_test, another_centres_file_is_refused_before_anything_is_written) {
    ASSERT_EQ("", open_as({.id = "baku-1", .languages = {"az", "en"}}));
    auto const written = events();
    EXPECT_EQ(path_ + ": this data folder belongs to centre 'baku-1'; the file's [centre] id is 'ganja-2' (another centre's "
                      "file? give the one this centre runs with)",
              open_as({.id = "ganja-2", .languages = {"az", "en"}}));
    EXPECT_EQ(written, events());
    EXPECT_EQ("", open_as({.id = "baku-1", .languages = {"az", "en"}}));
}

TEST_F(folder_owner_test, a_start_may_change_the_languages_an_offline_command_may_not) {
    ASSERT_EQ("", open_as({.id = "baku-1", .languages = {"az", "en", "ru"}}));
    EXPECT_EQ(path_ + ": this centre's languages are az,en,ru; the file's [centre] languages are en (give the file the "
                      "server runs with; a start with a new list changes them)",
              open_as({.id = "baku-1", .languages = {"en"}, .languages_may_change = false}));
    EXPECT_EQ("", open_as({.id = "baku-1", .languages = {"az", "en"}}));
    EXPECT_EQ((std::vector<std::string>{"az", "en", "ru"}), languages_before_);
    EXPECT_EQ("", open_as({.id = "baku-1", .languages = {"az", "en"}, .languages_may_change = false}));
    EXPECT_TRUE(languages_before_.empty());
}

TEST_F(folder_owner_test, a_readers_look_checks_the_id_and_changes_nothing) {
    ASSERT_EQ("", open_as({.id = "baku-1", .languages = {"az", "en"}}));
    EXPECT_NE("", open_as({.id = "ganja-2", .languages = {"az", "en"}, .only_check = true}));
    EXPECT_EQ("", open_as({.id = "baku-1", .languages = {"en"}, .only_check = true}));
    EXPECT_EQ((std::vector<std::string>{"az", "en"}), languages_before_) << "what a start would change";
    EXPECT_EQ("", open_as({.id = "baku-1", .languages = {"az", "en"}, .languages_may_change = false})) << "and it did not";
}

TEST_F(folder_owner_test, a_folder_from_before_owners_were_kept_takes_the_first_file_it_is_opened_with) {
    ASSERT_EQ("", open_as({.id = "baku-1", .languages = {"az"}}));
    {
        database db(path_, false);
        db.exec("DELETE FROM centre_owner");  // as a folder migrated from schema 5 has it
    }
    EXPECT_EQ("", open_as({.id = "sumqayit", .languages = {"az", "en"}}));
    EXPECT_NE("", open_as({.id = "baku-1", .languages = {"az"}}));
}

}  // namespace
}  // namespace novbe::store::testing
