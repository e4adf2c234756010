#include "kiosk/texts.hpp"

#include <array>
#include <cstdio>

namespace novbe::kiosk {

namespace {

constexpr std::array<kiosk_texts, 5> tables{{
    {"az", "Azərbaycan dili", "Dili seçin", "Xidməti seçin",
     "Növbədənkənar xidmət lazımdırmı? (yaşlı, əlilliyi olan şəxs, hamilə qadın)", "Xeyr, adi bilet",
     "Bəli, növbədənkənar", "Sizin nömrəniz", "Sizdən əvvəl", "Təxmini gözləmə", "təxminən %d dəq",
     "Növbəti sizsiniz", "Biletinizi telefonda izləmək üçün skan edin",
     "Xidmət müvəqqəti dayandırılıb. Zəhmət olmasa, əməkdaşa müraciət edin.",
     "Zəhmət olmasa, biletinizi götürün.", "Son bileti yenidən çap et"},
    {"en", "English", "Choose your language", "Choose a service",
     "Do you need priority service? (elderly, disability, pregnancy)", "No, a normal ticket", "Yes, priority",
     "Your number", "People ahead of you", "Estimated wait", "about %d min", "You are next",
     "Scan to follow your ticket on your phone", "Out of service. Please ask a member of staff.",
     "Please take your ticket.", "Reprint the last ticket"},
    {"ru", "Русский", "Выберите язык", "Выберите услугу",
     "Нужно ли обслуживание вне очереди? (пожилые, люди с инвалидностью, беременные)", "Нет, обычный талон",
     "Да, вне очереди", "Ваш номер", "Перед вами", "Ожидание", "около %d мин", "Вы следующий",
     "Отсканируйте, чтобы следить за талоном на телефоне", "Не работает. Пожалуйста, обратитесь к сотруднику.",
     "Пожалуйста, возьмите талон.", "Напечатать последний талон ещё раз"},
    {"rw", "Ikinyarwanda", "Hitamo ururimi", "Hitamo serivisi",
     "Ukeneye guhabwa serivisi mbere? (abageze mu zabukuru, abafite ubumuga, abagore batwite)", "Oya, itike isanzwe",
     "Yego, mbere", "Nimero yawe", "Abakubanziriza", "Igihe cyo gutegereza", "hafi iminota %d", "Ni wowe ukurikiyeho",
     "Sikana kugira ngo ukurikirane itike yawe kuri telefoni", "Ntibikora. Mwegere umukozi.",
     "Fata itike yawe.", "Ongera ucape itike iheruka"},
    {"fr", "Français", "Choisissez votre langue", "Choisissez un service",
     "Avez-vous besoin d'un accueil prioritaire ? (personne âgée, handicap, grossesse)", "Non, un ticket normal",
     "Oui, prioritaire", "Votre numéro", "Personnes avant vous", "Attente estimée", "environ %d min",
     "Vous êtes le prochain", "Scannez pour suivre votre ticket sur votre téléphone",
     "Hors service. Veuillez vous adresser à un agent.", "Veuillez prendre votre ticket.",
     "Réimprimer le dernier ticket"},
}};

}  // namespace

kiosk_texts const& texts_for(std::string_view language) {
    for (auto const& t : tables)
        if (language == t.code) return t;
    return tables[1];
}

std::vector<std::string> known_languages() {
    std::vector<std::string> codes;
    for (auto const& t : tables) codes.emplace_back(t.code);
    return codes;
}

std::string wait_words(kiosk_texts const& t, long long seconds) {
    long long minutes = seconds <= 0 ? 1 : (seconds + 59) / 60;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, t.minutes, static_cast<int>(minutes));
    return buffer;
}

}  // namespace novbe::kiosk
