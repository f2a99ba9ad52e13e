-- What notices call a case: its title, kept by the roster from CaseOpened as the events arrive (a case opened
-- before this table existed is named by its id).
CREATE TABLE case_title (
    case_id VARCHAR(64) PRIMARY KEY,
    title   TEXT        NOT NULL
);

-- Whether a person is told of their own actions too (a member of staff is not, unless they choose to be).
CREATE TABLE own_actions_preference (
    user_id VARCHAR(255) PRIMARY KEY,
    notify  BOOLEAN      NOT NULL
);
