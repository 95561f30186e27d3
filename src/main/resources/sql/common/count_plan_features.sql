SELECT COUNT(*) FROM plan_features
